using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.OpenApi;

namespace ContentHub.Api.Http;

/// <summary>JSON, problem details, request limits and the OpenAPI document: the HTTP conventions every feature shares.</summary>
public static class HttpSetup
{
    public static WebApplicationBuilder AddContentHubHttp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var apiOptions = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = apiOptions.MaxRequestBodyBytes);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // A misspelt field ("titel") is an error, not silently dropped; so is a null where a value is required.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.RespectNullableAnnotations = true;
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        // Bad input throws, so that ProblemExceptionHandler can say what was wrong with it.
        services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = ProblemTypes.ForStatus(status);
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<DatabaseOutage>();
        // ProblemExceptionHandler logs what deserves it (a 500 once with its stack trace, an outage once);
        // the middleware's own log of every handled exception would repeat it per request.
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService);

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ContentHub API",
                Version = "v1",
                Description = "Multilingual content publishing for a province's foreign-information work: editorial API.",
            });
            swagger.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "ContentHub.Api.xml"));
            swagger.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An access token from POST /api/v1/auth/token, or a JWT of the configured external provider.",
            });
            swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            swagger.SupportNonNullableReferenceTypes();
            swagger.ParameterFilter<QueryValuesFilter>();
        });
        return builder;
    }

    public static WebApplication UseContentHubHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<QueryTextMiddleware>();
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.SwaggerEndpoint("/swagger/v1/swagger.json", "ContentHub API v1"));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
