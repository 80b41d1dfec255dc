package dev.restauth.platform.control;

/**
 * Fired when this node may have missed {@link Change}s: its listener connection was (re)opened,
 * or a notification could not be read. Every cache that other nodes' changes make stale observes
 * it and empties itself; entries are then loaded afresh on their next use.
 */
public record ChangesMissed() {}
