import 'fake-indexeddb/auto';
process.env.TZ = 'UTC';
