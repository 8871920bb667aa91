// Electron main process (placeholder until the shell is wired).
import { app } from 'electron';

app.whenReady().then(() => app.quit());
