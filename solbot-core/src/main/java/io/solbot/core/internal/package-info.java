/**
 * Support code that several packages of solbot-core share (the normal form of strategy ids), and the crash points a
 * test arms ({@link io.solbot.core.internal.CrashPoints}, which solbot-persistence hits too: the module exports this
 * package to it alone). Not API: no public member of core outside this package takes or returns its types
 * (ArchitectureTest keeps it so), and it may change in any release.
 */
package io.solbot.core.internal;
