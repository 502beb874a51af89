package org.rxradar.model;

/** A credential a job lead asks for: {@code PTCB-CPhT}, {@code NHA-ExCPT}, {@code STATE-LICENSE} or {@code CSPT}. */
public record Certification(String id, boolean required) {}
