import { mountApp } from '../../shared/mount';
import { GradingAdminPage } from './GradingAdminPage';

void mountApp(() => <GradingAdminPage />);
