/**
 * Support code that solbot's own modules share (names of strategies, the text tables of the config plan and of the
 * launcher's commands). Not API: the module does not export it, no public member of core outside this package takes
 * or returns its types (ArchitectureTest keeps it so), and it may change in any release.
 */
package io.solbot.core.internal;
