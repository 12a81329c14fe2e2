import { mountApp } from '../../shared/mount';
import { RuleViewPage } from './RuleViewPage';

void mountApp((context) => <RuleViewPage context={context} />);
