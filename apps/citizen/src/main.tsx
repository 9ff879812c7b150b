import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import { mountSpa } from '@pagamenti/ui';
import { config } from './config';
import { routes } from './routes';

mountSpa(routes, config.basename);
