/** Entry point: the page-wide design tokens and the app shell (which loads the rest on demand). */
import './styles/global.css';
import './app/app';
