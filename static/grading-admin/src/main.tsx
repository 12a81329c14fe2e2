import { mountApp } from '../../shared/mount';
import { AdminSettingsPage } from './AdminSettingsPage';

void mountApp(() => <AdminSettingsPage />);
