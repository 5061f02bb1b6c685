// HallServer
