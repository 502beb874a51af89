/**
 * The one windowed view of the tagged stream: {@link org.rxradar.view.FeedView} holds the relevant
 * tagged items of the last days, fed once from {@code rxradar.items.tagged}, and answers
 * {@link org.rxradar.view.ViewQuery} with a {@link org.rxradar.view.ViewResult}. Feeds, the JSON API,
 * the pages and the digests all read it; nothing else keeps a copy of the stream.
 */
package org.rxradar.view;
