import { QueryRunner } from 'typeorm';
import { OutboxSignal } from './outbox.signal';

const runner = (active: boolean) => ({ isTransactionActive: active }) as QueryRunner;

describe('OutboxSignal', () => {
  it('notifies after the outermost commit of a transaction that appended, once', () => {
    const signal = new OutboxSignal();
    const listener = jest.fn();
    signal.subscribe(listener);
    const qr = runner(true);
    signal.markAppended(qr);
    signal.committed(qr); // a savepoint released: still inside the transaction
    expect(listener).not.toHaveBeenCalled();
    (qr as { isTransactionActive: boolean }).isTransactionActive = false;
    signal.committed(qr);
    signal.committed(qr);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores transactions that appended nothing, and forgets rolled-back ones', () => {
    const signal = new OutboxSignal();
    const listener = jest.fn();
    const unsubscribe = signal.subscribe(listener);
    signal.committed(runner(false));
    const qr = runner(false);
    signal.markAppended(qr);
    signal.rolledBack(qr);
    signal.committed(qr);
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
    signal.notify();
    expect(listener).not.toHaveBeenCalled();
  });
});
