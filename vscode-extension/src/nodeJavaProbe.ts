// The real file system and process calls behind JavaProbe.
import { execFile } from 'child_process';
import * as fs from 'fs';
import { JavaProbe } from './javaRuntime';

export const nodeJavaProbe: JavaProbe = {
  isFile(file) {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  versionOutput(executable) {
    return new Promise((resolve, reject) => {
      execFile(executable, ['-version'], { timeout: 15000 }, (error, stdout, stderr) => {
        if (error) reject(error);
        else resolve(`${stderr}\n${stdout}`);
      });
    });
  },
};
