/**
 * What every web page shares: the Pebble templates under {@code web/} with their one stylesheet
 * ({@link org.rxradar.web.page.PageTemplates}), leads listed as the digest lists them
 * ({@link org.rxradar.web.page.LeadCards}), source names, form choices and masked addresses.
 * The pages themselves live with their capability: the front page in {@code feeds}, the trends page
 * in {@code trend}, the subscription and setting pages in {@code web}.
 */
package org.rxradar.web.page;
