import { mountApp } from '../../shared/mount';
import { HomePage } from './HomePage';

void mountApp((context) => <HomePage context={context} />);
