/**
 * Text forms of domain values for solbot's own files (the paper executor's execution log, the lockfiles): one form per
 * value, whichever file keeps it. Exported to solbot-persistence only, which writes the lockfiles; not API, may
 * change in any release.
 */
package io.solbot.core.codec;
