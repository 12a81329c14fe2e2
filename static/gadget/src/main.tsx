import { mountApp } from '../../shared/mount';
import { Gadget } from './Gadget';

void mountApp(() => <Gadget />);
