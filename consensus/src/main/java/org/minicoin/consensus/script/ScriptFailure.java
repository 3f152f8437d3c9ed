package org.minicoin.consensus.script;

/** Internal signal that evaluation stopped with an error; never escapes the interpreter. No stack trace. */
final class ScriptFailure extends RuntimeException {
    final ScriptError error;

    ScriptFailure(ScriptError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }
}
