using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Files in an S3-compatible store (AWS S3, MinIO, Ceph) through AWSSDK.S3, at their keys in one
/// bucket. Uploads are staged on the local disk first (hashed, checked, probed) and put whole; an
/// object appears only when its PUT completes, so nothing half-written is ever read.
/// </summary>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly MediaStaging _staging;

    public S3MediaStore(IOptions<MediaOptions> options, MediaStaging staging)
    {
        var s3 = options.Value.S3;
        _bucket = s3.Bucket;
        _staging = staging;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // Checksums only where S3 requires them: stores other than AWS do not all read the newer trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrEmpty(s3.ServiceUrl))
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        }

        _client = string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }

    public async Task CommitAsync(StagedFile staged, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            var key = MediaKeys.File(staged.Sha256);
            if (!await ExistsAsync(key, cancellationToken).ConfigureAwait(false))
            {
                await PutFileAsync(key, staged.Path, contentType, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _staging.Discard(staged);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task PutAsync(string key, LocalFile made, string contentType, CancellationToken cancellationToken)
    {
        using (made)
        {
            await PutFileAsync(key, made.Path, contentType, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<LocalFile> LocalAsync(string key, CancellationToken cancellationToken)
    {
        var copy = _staging.Scratch(".copy");
        try
        {
            using var response = await _client.GetObjectAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
            await using var file = File.Create(copy.Path);
            await response.ResponseStream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public async Task<StoredFile> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var metadata = await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
        return new StoredFile(null, new S3RangeStream(_client, _bucket, key, metadata.ContentLength));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _client.DeleteObjectAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
        var listing = new ListObjectsV2Request { BucketName = _bucket, Prefix = key + "/" };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(listing, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page.S3Objects ?? [])
            {
                await _client.DeleteObjectAsync(_bucket, stored.Key, cancellationToken).ConfigureAwait(false);
            }

            listing.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    public void Dispose() => _client.Dispose();

    private async Task PutFileAsync(string key, string path, string contentType, CancellationToken cancellationToken) =>
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = path, ContentType = contentType, UseChunkEncoding = false }, cancellationToken)
            .ConfigureAwait(false);
}
