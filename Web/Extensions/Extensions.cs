using Web.Account;
using Web.Gateway;

namespace Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddAccount();

        builder.Services.AddTransient<GatewayTokenHandler>();
        builder.Services.AddHttpClient<GatewayClient>(client => client.BaseAddress = new Uri("http://gateway"))
            .AddHttpMessageHandler<GatewayTokenHandler>();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    }
}
