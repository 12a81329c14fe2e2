import { mountApp } from '../../shared/mount';
import { ReturnVisitsPage } from './ReturnVisitsPage';

void mountApp((context) => <ReturnVisitsPage context={context} />);
