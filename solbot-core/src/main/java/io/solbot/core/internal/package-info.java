/**
 * Support code that several packages of solbot-core share (the normal form of strategy ids). Not API: the module does
 * not export it, no public member of core outside this package takes or returns its types (ArchitectureTest keeps it
 * so), and it may change in any release.
 */
package io.solbot.core.internal;
