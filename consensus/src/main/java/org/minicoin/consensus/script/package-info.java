/**
 * Bitcoin Script: the opcode table, script numbers, Core's verification flags and error names, the interpreter
 * (legacy, BIP-0016 P2SH and BIP-0141 witness v0 programs), and signature hashing (legacy with FindAndDelete, and
 * BIP-0143). A verdict is a {@link org.minicoin.consensus.script.ScriptError}, named as Bitcoin Core names it, so
 * results can be compared with Core's test vectors row by row. Which flags apply at which height, and what a
 * failure means for a block or a peer, is decided by the validation rules.
 */
package org.minicoin.consensus.script;
