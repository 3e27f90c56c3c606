// The recorded examples the sandbox tests compare against live in the repository, and a
// missing one fails naming its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { example, specs } from './helpers.mjs';
import { repoRoot } from '../../tools/sandbox/server.mjs';

test('the spec fixtures folder is inside the repository', () => {
  assert.equal(path.relative(repoRoot, specs), path.join('tests', 'fixtures', 'azure-devops-specs'));
  assert.ok(example('tokens/7.1/httpExamples/Pats/ListPats.json').responses);
});

test('a missing fixture throws an error naming its path', () => {
  assert.throws(() => example('tokens/7.1/httpExamples/Pats/NoSuchExample.json'),
    (e) => /fixture missing or unreadable: .*tests\/fixtures\/azure-devops-specs\/tokens\/7\.1\/httpExamples\/Pats\/NoSuchExample\.json/.test(e.message));
});
