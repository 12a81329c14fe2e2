import { mountApp } from '../../shared/mount';
import { RuleConfigPage } from './RuleConfigPage';

void mountApp((context) => <RuleConfigPage context={context} />);
