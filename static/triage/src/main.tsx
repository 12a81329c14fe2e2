import { mountApp } from '../../shared/mount';
import { TriagePage } from './TriagePage';

void mountApp((context) => <TriagePage context={context} />);
