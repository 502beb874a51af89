package org.rxradar.fetch.page;

/**
 * A job page of the sitemap that is to be read: its entry, the id of the posting it holds
 * ({@link org.rxradar.model.ItemIds#forUrl} of the page URL) and its listing fingerprint (URL and lastmod).
 */
record JobPage(SitemapEntry entry, String id, String fingerprint) {}
