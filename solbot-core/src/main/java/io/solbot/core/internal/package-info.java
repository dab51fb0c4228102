/**
 * Helpers that several packages of solbot-core share. Not exported by the module; not API.
 */
package io.solbot.core.internal;
