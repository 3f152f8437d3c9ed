/**
 * The rules that decide whether blocks and transactions are valid, layered as Bitcoin Core layers them:
 * <ol>
 *   <li>context-free: {@link org.minicoin.consensus.validation.TransactionChecks#checkTransaction},
 *       {@link org.minicoin.consensus.validation.BlockChecks#checkBlockHeader} and
 *       {@link org.minicoin.consensus.validation.BlockChecks#checkBlock}, before a block is stored;</li>
 *   <li>contextual, against the parent: {@link org.minicoin.consensus.validation.BlockChecks#contextualCheckBlockHeader}
 *       and {@link org.minicoin.consensus.validation.BlockChecks#contextualCheckBlock};</li>
 *   <li>connecting to the UTXO set: {@link org.minicoin.consensus.validation.BlockConnector#connectBlock}, which
 *       returns the undo data that {@link org.minicoin.consensus.validation.BlockConnector#disconnectBlock}
 *       needs.</li>
 * </ol>
 * A violation is a {@link org.minicoin.consensus.validation.ValidationException} whose
 * {@link org.minicoin.consensus.validation.RejectReason} carries Core's reject string and a result kind that
 * tells the node whether to penalise the sender and whether to mark the block invalid.
 *
 * <p>This package keeps no state and does no I/O: the block index (as a
 * {@link org.minicoin.consensus.pow.ChainHistory} in a {@link org.minicoin.consensus.validation.BlockContext}),
 * the clock, the coins ({@link org.minicoin.consensus.validation.UtxoView}), and any threads for parallel script
 * checks (an {@link java.util.concurrent.Executor}) are the caller's. Choosing the best chain, storing blocks and
 * undo data, and mempool policy belong to the node.
 */
package org.minicoin.consensus.validation;
