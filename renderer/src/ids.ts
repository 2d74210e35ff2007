// Ids are made here, where the change is made, so a retried call cannot create twice.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
