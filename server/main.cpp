// tepei-server: the HTTP(S) sync server. All the work is in tepei::server (server/src).
#include <tepei/server/app/config.h>

int main(int argc, char** argv)
{
    return tepei::server::serverMain(std::vector<std::string>(argv + 1, argv + argc));
}
