import { mountApp } from '../../shared/mount';
import { CaseLibraryPage } from './CaseLibraryPage';

void mountApp(() => <CaseLibraryPage />);
