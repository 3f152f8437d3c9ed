/**
 * Bitcoin's value types and their exact serialization: hashes, amounts, outpoints, transaction inputs and
 * outputs, transactions (legacy and BIP-0144 witness forms), block headers and blocks. These types parse and
 * serialize; they do not judge. Whether a transaction or block is valid is decided by the validation rules.
 */
package org.minicoin.consensus.types;
