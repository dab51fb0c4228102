package io.solbot.strategies.turbosniper;

/** The front end's nested feature switches, each true or false. */
public record Flags(Boolean directAmm, Boolean bundles, Boolean leaderTiming, Boolean relay, Boolean probe) {}
