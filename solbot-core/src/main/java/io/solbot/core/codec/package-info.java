/** Text forms of domain values for solbot's own files: one form per value, whichever file keeps it. */
package io.solbot.core.codec;
