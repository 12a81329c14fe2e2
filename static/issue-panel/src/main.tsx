import { mountApp } from '../../shared/mount';
import { IssuePanel } from './IssuePanel';

void mountApp((context) => <IssuePanel context={context} />);
