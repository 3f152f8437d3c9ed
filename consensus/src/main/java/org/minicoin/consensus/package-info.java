/**
 * minicoin's consensus library: Bitcoin's data formats, hashing, keys and signatures, proof of work and chain
 * parameters, as pure functions of bytes. It performs no I/O, starts no threads and depends on nothing but
 * Bouncy Castle, so every rule can be tested with bytes in and a verdict out. Storage, networking and
 * configuration belong to the {@code node} module; chain specs as files belong to {@code genesis}.
 */
package org.minicoin.consensus;
