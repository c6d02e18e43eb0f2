import fs from 'node:fs';
import { schemaFiles } from './schemas.ts';

for (const file of schemaFiles()) {
	fs.writeFileSync(file.path, file.text);
	console.log(`wrote ${file.path}`);
}
