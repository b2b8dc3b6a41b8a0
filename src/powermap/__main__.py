from powermap.cli import main

main()
