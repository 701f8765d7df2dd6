module piimask.example/go

go 1.19
