import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createSchema, SCHEMA_FILE, schemaSdl } from '../graphql/schema';

createSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, schemaSdl(schema));
    console.log(`schema written to ${SCHEMA_FILE}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
