// tepei-admin: administration of a server data directory. All the work is in tepei::server.
#include <iostream>
#include <tepei/server/admin/admin.h>

int main(int argc, char** argv)
{
    return tepei::server::adminMain(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
