from instrumap.cli import main

main()
