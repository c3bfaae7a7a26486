using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using ContentHub.Domain.Content;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// A feed as RSS 2.0 and Atom 1.0 (System.ServiceModel.Syndication's formatters) and JSON Feed 1.1
/// (written by its specification). Every entry has its stable id, absolute link, language, summary
/// and full HTML, category, author (the organisation unit), published and updated times, and for
/// videos an enclosure.
/// </summary>
public static class FeedWriters
{
    public const string Rss = "application/rss+xml";
    public const string Atom = "application/atom+xml";
    public const string JsonFeed = "application/feed+json";

    public static byte[] Write(Feed feed, string mediaType) => mediaType switch
    {
        Rss => Xml(writer => new Rss20FeedFormatter(Syndication(feed, mediaType), serializeExtensionsAsAtom: true).WriteTo(writer)),
        Atom => Xml(writer => new Atom10FeedFormatter(Syndication(feed, mediaType)).WriteTo(writer)),
        _ => Json(feed),
    };

    private static SyndicationFeed Syndication(Feed feed, string mediaType)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Title, feed.Home, feed.Id, feed.Updated) { Language = feed.Language };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(feed.Self, mediaType));
        // Atom needs an author for every entry; the portal stands in where an entry names none.
        syndication.Authors.Add(new SyndicationPerson { Name = feed.Title });
        syndication.Items = feed.Entries.Select(entry =>
        {
            var item = new SyndicationItem(entry.Title, SyndicationContent.CreateHtmlContent(entry.BodyHtml), entry.Link, entry.Id, entry.UpdatedAt)
            {
                PublishDate = entry.PublishedAt,
                Summary = entry.Summary is null ? null : new TextSyndicationContent(entry.Summary),
            };
            if (entry.Author is { Length: > 0 } author)
            {
                item.Authors.Add(new SyndicationPerson { Name = author });
            }

            if (entry.Category is { Length: > 0 } category)
            {
                item.Categories.Add(new SyndicationCategory(category));
            }

            // RSS 2.0 allows one enclosure per item; Atom any number.
            foreach (var enclosure in mediaType == Rss ? entry.Enclosures.Take(1) : entry.Enclosures)
            {
                var link = SyndicationLink.CreateMediaEnclosureLink(enclosure.Url, enclosure.MediaType, enclosure.Size);
                link.Title = mediaType == Rss ? null : enclosure.Title;
                item.Links.Add(link);
            }

            return item;
        }).ToList();
        return syndication;
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static byte[] Json(Feed feed)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.Home.AbsoluteUri);
            json.WriteString("feed_url", feed.Self.AbsoluteUri);
            json.WriteString("language", feed.Language);
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", feed.Title);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                json.WriteStartObject();
                json.WriteString("id", entry.Id);
                json.WriteString("url", entry.Link.AbsoluteUri);
                json.WriteString("title", entry.Title);
                json.WriteString("content_html", entry.BodyHtml);
                if (entry.Summary is not null)
                {
                    json.WriteString("summary", entry.Summary);
                }

                json.WriteString("date_published", Time(entry.PublishedAt));
                json.WriteString("date_modified", Time(entry.UpdatedAt));
                json.WriteString("language", entry.Language);
                if (entry.Author is { Length: > 0 })
                {
                    json.WriteStartArray("authors");
                    json.WriteStartObject();
                    json.WriteString("name", entry.Author);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                if (entry.Category is { Length: > 0 })
                {
                    json.WriteStartArray("tags");
                    json.WriteStringValue(entry.Category);
                    json.WriteEndArray();
                }

                if (entry.Enclosures.Count > 0)
                {
                    json.WriteStartArray("attachments");
                    foreach (var enclosure in entry.Enclosures)
                    {
                        json.WriteStartObject();
                        json.WriteString("url", enclosure.Url.AbsoluteUri);
                        json.WriteString("mime_type", enclosure.MediaType);
                        if (enclosure.Title is { } title)
                        {
                            json.WriteString("title", title);
                        }

                        if (enclosure.Size > 0)
                        {
                            json.WriteNumber("size_in_bytes", enclosure.Size);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
