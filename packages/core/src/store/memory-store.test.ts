import { storeContract } from '../../test-support/store-contract';
import { createMemoryStore } from './memory-store';

storeContract('memory', { open: () => createMemoryStore() });
