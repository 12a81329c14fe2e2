import { mountApp } from '../../shared/mount';
import { SetupPage } from './SetupPage';

void mountApp(() => <SetupPage />);
