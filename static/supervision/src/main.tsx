import { mountApp } from '../../shared/mount';
import { SupervisionPage } from './SupervisionPage';

void mountApp(() => <SupervisionPage />);
