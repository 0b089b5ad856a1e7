import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approvalAnswer } from './decisions.ts';

const result = (decision: unknown) => approvalAnswer({ kind: 'result', result: { decision } });

test('client decisions are read as the reference reads them', () => {
  assert.deepEqual(result('accept'), { kind: 'accept' });
  assert.deepEqual(result('acceptForSession'), { kind: 'acceptForSession' });
  assert.deepEqual(result('cancel'), { kind: 'cancel' });
  assert.deepEqual(result({ acceptWithExecpolicyAmendment: { execpolicy_amendment: ['touch', 'a'] } }), {
    kind: 'acceptWithExecpolicyAmendment',
    prefix: ['touch', 'a'],
  });
});

test('unreadable decisions decline, errors fail', () => {
  assert.deepEqual(result('bogus'), { kind: 'decline' });
  assert.deepEqual(result(undefined), { kind: 'decline' });
  assert.deepEqual(result({ acceptWithExecpolicyAmendment: { execpolicy_amendment: [] } }), { kind: 'decline' });
  assert.deepEqual(approvalAnswer({ kind: 'result', result: null }), { kind: 'decline' });
  assert.deepEqual(approvalAnswer({ kind: 'error', error: { code: 1, message: 'x' } }), { kind: 'failed' });
});
