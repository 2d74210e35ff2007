// Stylesheets are bundled by Vite; importing one has no value, only an effect.
declare module '*.css';
