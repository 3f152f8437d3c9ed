/**
 * Bitcoin's byte encoding: little-endian integers, CompactSize counts, var-bytes, hex and base58.
 * {@link org.minicoin.consensus.encoding.ByteReader} is the single entry point for untrusted bytes: it bounds every
 * count by what remains before allocating, and reports failures with their byte offset. It knows nothing of
 * transactions or blocks; those types read themselves with it.
 */
package org.minicoin.consensus.encoding;
