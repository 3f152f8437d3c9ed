/**
 * Mempool standardness policy, as Bitcoin Core v29 defines it: which output scripts are standard
 * ({@link org.minicoin.node.policy.ScriptSolver}), fee rates ({@link org.minicoin.node.policy.FeeRate}), and the
 * checks a transaction must pass before a node relays or mines it ({@link org.minicoin.node.policy.StandardPolicy}).
 * Everything here is a pure function of its arguments: no I/O, no state. Policy is local and stricter than
 * consensus; a block is never rejected for breaking it. The mempool that calls these checks, holds the coins and
 * runs the script interpreter with {@link org.minicoin.node.policy.StandardPolicy#STANDARD_SCRIPT_VERIFY_FLAGS}
 * lives elsewhere.
 */
package org.minicoin.node.policy;
